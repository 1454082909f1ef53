/**
 * The part of Genesys' Workspace API v3 client (`genesys-workspace-client-js` 9.0.1, plain JavaScript, no typings)
 * the end-to-end tests drive, typed from its source (src/index.js, src/internal/voice-api.js, targets-api.js).
 */
declare module 'genesys-workspace-client-js' {
  import { EventEmitter } from 'node:events';

  namespace WorkspaceApi {
    interface KvPair {
      key: string;
      type: string;
      value: unknown;
    }

    interface Call {
      type: string;
      id: string;
      connId: string;
      callUuid: string;
      parentConnId?: string;
      previousConnId?: string;
      phoneNumber: string;
      callType: string;
      state: string;
      capabilities: string[];
      participants: { number: string }[];
      ani?: string;
      dnis?: string;
      userData: KvPair[];
      extensions: KvPair[];
      duration: number;
    }

    interface Dn {
      number: string;
      switchName?: string;
      agentId?: string;
      agentState: string;
      agentWorkMode: string;
      capabilities: string[];
      available: boolean;
      dnd: boolean;
      forwardTo?: string;
      reasons: KvPair[];
      timestamp: number;
    }

    interface User {
      dbid: number;
      userName: string;
      firstName: string;
      lastName: string;
      employeeId: string;
      agentLogin?: string;
      defaultPlace?: string;
      userProperties: KvPair[];
      activeSession?: { dn: Dn; calls: Call[] };
    }

    interface CallStateChangedEvent {
      call: Call;
      notificationType: string;
      previousConnId?: string;
    }

    interface Target {
      DBID: number;
      name: string;
      type: string;
      userName?: string;
      employeeId?: string;
      number?: string;
    }

    interface VoiceApi {
      calls: Map<string, Call>;
      dn?: Dn;
      ready(): Promise<unknown>;
      notReady(workMode?: string, reasonCode?: string): Promise<unknown>;
      dndOn(): Promise<unknown>;
      dndOff(): Promise<unknown>;
      setForward(destination: string): Promise<unknown>;
      cancelForward(): Promise<unknown>;
      makeCall(destination: string, optional?: object): Promise<unknown>;
      answerCall(id: string, optional?: object): Promise<unknown>;
      holdCall(id: string, optional?: object): Promise<unknown>;
      retrieveCall(id: string, optional?: object): Promise<unknown>;
      releaseCall(id: string, optional?: object): Promise<unknown>;
      clearCall(id: string, optional?: object): Promise<unknown>;
      redirectCall(id: string, destination: string, optional?: object): Promise<unknown>;
      initiateConference(id: string, destination: string, optional?: object): Promise<unknown>;
      completeConference(id: string, parentConnId: string, optional?: object): Promise<unknown>;
      deleteFromConference(id: string, dnToDrop: string, optional?: object): Promise<unknown>;
      initiateTransfer(id: string, destination: string, optional?: object): Promise<unknown>;
      completeTransfer(id: string, parentConnId: string, optional?: object): Promise<unknown>;
      alternateCalls(id: string, heldConnId: string, optional?: object): Promise<unknown>;
      mergeCalls(id: string, otherConnId: string, optional?: object): Promise<unknown>;
      reconnectCall(id: string, heldConnId: string, optional?: object): Promise<unknown>;
      singleStepConference(id: string, destination: string, optional?: object): Promise<unknown>;
      singleStepTransfer(id: string, destination: string, optional?: object): Promise<unknown>;
      attachUserData(id: string, userData: KvPair[]): Promise<unknown>;
      updateUserData(id: string, userData: KvPair[]): Promise<unknown>;
      deleteUserDataPair(id: string, key: string): Promise<unknown>;
      sendDTMF(id: string, digits: string, optional?: object): Promise<unknown>;
      sendUserEvent(userData: KvPair[], callUuid?: string): Promise<unknown>;
      startRecording(id: string): Promise<unknown>;
    }

    interface TargetsApi {
      search(searchTerm: string, limit?: number): Promise<Target[]>;
    }
  }

  class WorkspaceApi extends EventEmitter {
    constructor(apiKey: string | undefined, baseUrl: string, debugEnabled?: string);
    initialized: boolean;
    /** The generated client (ApiClient) the wrappers use, with the session's cookies. */
    readonly agent: unknown;
    user: WorkspaceApi.User;
    configuration: { actionCodes: { name: string; code: string }[] };
    voice: WorkspaceApi.VoiceApi;
    targets: WorkspaceApi.TargetsApi;
    initialize(options: { token?: string; code?: string; redirectUri?: string }): Promise<void>;
    activateChannels(agentId?: string, dn?: string, placeName?: string): Promise<unknown>;
    destroy(): Promise<void>;
  }

  export = WorkspaceApi;
}

/**
 * The package's generated client (swagger-codegen), which its wrappers are written over: for the operations the
 * 9.0.1 wrappers do not expose (current session, configuration, the call list). Built on `api.agent`, the
 * wrapper's own ApiClient, so requests carry its cookies.
 */
declare module 'genesys-workspace-client-js/src/internal/code-gen/workspace-api' {
  import type WorkspaceApi from 'genesys-workspace-client-js';

  class SessionApi {
    constructor(apiClient: unknown);
    getCurrentSession(): Promise<{ status: { code: number }; data: { user: WorkspaceApi.User } }>;
    getConfiguration(): Promise<{ status: { code: number }; data: { actionCodes: { name: string; code: string }[] } }>;
  }

  class VoiceApi {
    constructor(apiClient: unknown);
    getCalls(): Promise<{ status: { code: number }; data: { calls: WorkspaceApi.Call[] } }>;
  }
}
