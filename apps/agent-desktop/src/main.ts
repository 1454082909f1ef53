import JsSIP from 'jssip';
import { DesktopPage } from './desktop-page';
import { loadDesktopConfig } from './wrap-up/desktop-config';

// JsSIP logs nothing unless asked: `?debug=JsSIP:*` on the page's URL turns its debug output on (operators).
const jssipDebug = JsSIP.debug as unknown as { enable(namespaces: string): void; disable(): string };
const debug = new URL(window.location.href).searchParams.get('debug');
if (debug === null) jssipDebug.disable();
else jssipDebug.enable(debug);

const root = document.getElementById('app');
if (root !== null) {
  void loadDesktopConfig().then((config) => new DesktopPage(root, config).open());
}
