/** The OpenAPI tag of every Workspace API v3 route (docs/workspace-api-v3.md). */
export const WORKSPACE_V3_TAG = 'Workspace API v3';
