export const USAGE = `Usage: npm run tlib -- <command>

Decode and encode T-Lib frames of the open-gws/1 wire profile (docs/tlib-wire.md).

Commands:
  decode <hex>            Print each frame in the hex as one JSON line. Spaces, newlines, commas, 0x prefixes
                          and # or // comments are ignored, so annotated dumps can be pasted as they are.
  decode --file <path>    Same, for a file holding a raw byte stream of frames.
  encode <json>           Print the frames as hex. Takes the JSON that decode prints: one object, an array,
                          or one object per line.
  encode --file <path>    Same, reading the JSON from a file.
  --help                  Show this help.

JSON form:
  {"message":"EventRinging","id":60,"attributes":{"ThisDN":"5001","ConnID":"006e02a9c4b1d001",...}}
  {"addp":"poll","token":7}
  int and long: numbers; ConnID: 16 hex digits; binary: hex string; TimeStamp: {"seconds":n,"microseconds":n}.
  KVList: {"key":"text","n":7,"nested":{...}} when that loses nothing (unique keys, string and int values);
  otherwise {"$kvlist":[["key","string|unicode|int|binary|list",value],...]} (binary as hex).
  Attributes the registry does not know: "unknownAttributes":[{"id":n,"type":n,"hex":"..."}].

Exit codes: 0 done, 2 bad input (the reason is printed on stderr as "tlib: <reason>").
`;
