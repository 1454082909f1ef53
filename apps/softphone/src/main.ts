import JsSIP from 'jssip';

const app = document.getElementById('app');
if (app) app.textContent = `Softphone (JsSIP ${JsSIP.version})`;
