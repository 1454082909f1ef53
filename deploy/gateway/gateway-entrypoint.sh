#!/bin/sh
# Starts one gateway daemon in the foreground (deploy/gateway/Dockerfile): renders its template with envsubst, naming
# only the template's own placeholders (Kamailio and nginx dollar names stay), and refuses to start while one of them
# is not set. Arguments after the daemon's name go to the daemon.
#   gateway-entrypoint.sh kamailio | rtpengine | coturn [turnserver flags] | tls-cert
set -eu
templates=${GATEWAY_TEMPLATES:-/etc/open-gws-gateway}
run=${GATEWAY_RUN_DIR:-/run/open-gws-gateway}
mkdir -p "$run"

render() {
  names=$(grep -o '\${[A-Z][A-Z0-9_]*}' "$templates/$1.template" | sort -u | tr -d '${}')
  for name in $names; do
    eval "set_=\${$name+set}"
    if [ -z "$set_" ]; then
      echo "gateway-entrypoint: $name is not set (needed by $1)" >&2
      exit 1
    fi
  done
  envsubst "$(printf '${%s} ' $names)" <"$templates/$1.template" >"$run/$1"
  chmod 600 "$run/$1"
}

# The container's own address, for daemons that need an IP rather than an interface name.
own_ip() {
  hostname -i | cut -d' ' -f1
}

daemon=${1:-}
[ "$#" -gt 0 ] && shift
case "$daemon" in
  kamailio)
    export GATEWAY_RUN_DIR="$run"
    render kamailio.cfg
    exec kamailio -f "$run/kamailio.cfg" -DD -E -m "${KAMAILIO_SHM_MB:-64}" -M 8 "$@"
    ;;
  rtpengine)
    render rtpengine.conf
    exec rtpengine --config-file="$run/rtpengine.conf" "$@"
    ;;
  coturn)
    export GATEWAY_RUN_DIR="$run"
    : "${TURN_LISTEN_IP:=$(own_ip)}" "${TURN_RELAY_IP:=$(own_ip)}"
    export TURN_LISTEN_IP TURN_RELAY_IP
    render turnserver.conf
    exec turnserver -c "$run/turnserver.conf" "$@"
    ;;
  tls-cert)
    # A self-signed certificate for nginx's WSS when none is there yet: a demo; mount a real one in production.
    if [ ! -s "$GATEWAY_TLS_CERT" ]; then
      openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 365 \
        -subj "/CN=${GATEWAY_TLS_NAME:-localhost}" -addext "subjectAltName=DNS:${GATEWAY_TLS_NAME:-localhost},IP:127.0.0.1" \
        -keyout "$GATEWAY_TLS_KEY" -out "$GATEWAY_TLS_CERT"
    fi
    ;;
  *)
    echo "usage: gateway-entrypoint.sh kamailio|rtpengine|coturn|tls-cert [daemon flags]" >&2
    exit 2
    ;;
esac
