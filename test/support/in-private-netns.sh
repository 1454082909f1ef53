#!/bin/sh
# Runs its arguments in a new network namespace holding only `lo` (up), so that the gateway tests' daemons, browsers
# and simulators see loopback and nothing else: no port clash with the machine's services, no route out. Needs
# root (or CAP_SYS_ADMIN) and iproute2; where the namespace cannot be made (an unprivileged user, a container
# without the capability), it says why and runs the arguments in the current namespace: every harness takes free
# loopback ports, so the tests still run there.
#   sh test/support/in-private-netns.sh npx jest --selectProjects gateway
set -eu
if [ "$#" -eq 0 ]; then
  echo "usage: in-private-netns.sh COMMAND [ARG...]" >&2
  exit 2
fi
if [ "${GWS_IN_PRIVATE_NETNS:-}" = "1" ]; then
  exec "$@"
fi
if ! command -v unshare >/dev/null 2>&1 || ! command -v ip >/dev/null 2>&1; then
  echo "in-private-netns: unshare or ip (iproute2) missing; running in the current network namespace" >&2
  exec "$@"
fi
if ! why=$(unshare -n true 2>&1); then
  echo "in-private-netns: cannot make a network namespace (${why}); running in the current network namespace" >&2
  exec "$@"
fi
# The inner shell brings lo up and then becomes the command; GWS_IN_PRIVATE_NETNS marks it for nested calls.
exec unshare -n sh -c 'ip link set lo up && GWS_IN_PRIVATE_NETNS=1 exec "$@"' in-private-netns "$@"
