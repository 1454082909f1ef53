/** The version this server reports; GWS clients only display it. */
export const GWS_VERSION = '0.1.0';
