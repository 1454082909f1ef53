import { version } from '../../../../package.json';

/** The version this server reports: the project's, from package.json. GWS clients only display it. */
export const GWS_VERSION: string = version;
