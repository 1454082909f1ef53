import JsSIP from 'jssip';
import { SoftphonePage } from './softphone-page';

// JsSIP logs nothing unless asked: `?debug=JsSIP:*` on the page's URL turns its debug output on (operators).
// (JsSIP's typings name the `debug` package's type, which is not installed for the browser build.)
const jssipDebug = JsSIP.debug as unknown as { enable(namespaces: string): void; disable(): string };
const debug = new URL(window.location.href).searchParams.get('debug');
if (debug === null) jssipDebug.disable();
else jssipDebug.enable(debug);

const root = document.getElementById('app');
if (root !== null) void new SoftphonePage(root).open();
