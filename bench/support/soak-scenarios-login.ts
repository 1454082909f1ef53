/**
 * Scenarios 3 and 4 of `bench/soak.ts`: password guessing in parallel (REST Basic and CometD handshakes), and a
 * script that sends Basic on every request and keeps no cookie. With the default limits (LOGIN_FAILURE_LIMIT 5,
 * LOGIN_ADDRESS_FAILURE_LIMIT 20), each from addresses of its own. The e2e regression of the same findings:
 * test/gws-login-hardening.e2e-spec.ts.
 */
import { Agent } from 'node:http';
import type { Scenario, SoakContext } from './soak-context';
import { basicAuthorization, loopbackRequest, parseJson, pool, StatusTally, type LoopbackAnswer } from './soak-http';

/** The default LOGIN_FAILURE_LIMIT: at most this many guesses at one user may reach Configuration Server. */
const LOGIN_FAILURE_LIMIT = 5;
const RIGHT_PASSWORD = 'password';

/** `count` passwords for one user, all wrong but the last. */
function guesses(count: number): string[] {
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? RIGHT_PASSWORD : `guess${i}`));
}

/** Sends every request at once, counted in `tally`; a request that gets no answer stands as status 0. */
async function inParallel(tally: StatusTally, requests: (() => Promise<LoopbackAnswer>)[]): Promise<LoopbackAnswer[]> {
  return Promise.all(
    requests.map((send) =>
      tally.track(send()).catch(() => ({ status: 0, headers: {}, text: '' }) satisfies LoopbackAnswer),
    ),
  );
}

const restLogin = (context: SoakContext, user: string, password: string, localAddress: string) => () =>
  loopbackRequest({
    port: context.ports.gwsPort,
    method: 'GET',
    path: '/api/v2/me',
    localAddress,
    headers: { Accept: 'application/json', Authorization: basicAuthorization(user, password) },
  });

const handshake = (context: SoakContext, user: string, password: string, localAddress: string) => () =>
  loopbackRequest({
    port: context.ports.gwsPort,
    method: 'POST',
    path: '/api/v2/notifications',
    localAddress,
    headers: { 'Content-Type': 'application/json', Authorization: basicAuthorization(user, password) },
    body: JSON.stringify([{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] }]),
  });

/**
 * Sends every request at once, counted in a tally of their own (which feeds the scenario's); `checked` is how many
 * passwords Configuration Server checked meanwhile.
 */
async function burst(context: SoakContext, requests: (() => Promise<LoopbackAnswer>)[]) {
  const tally = new StatusTally(context.tally);
  const before = (await context.server.stats()).confservAuthentications;
  const answers = await inParallel(tally, requests);
  const checked = (await context.server.stats()).confservAuthentications - before;
  return { answers, checked, byStatus: tally.byStatus };
}

export const loginBurst: Scenario = {
  name: 'login-burst',
  budgetMs: 10_000,
  async run(context) {
    const passwords = guesses(context.options.loginGuesses);
    // REST: agent12 from one address; CometD: agent13 from another.
    const rest = await burst(
      context,
      passwords.map((password) => restLogin(context, 'agent12', password, context.address(0))),
    );
    // The lockout holds for the right password afterwards too.
    const restAfter = (
      await inParallel(context.tally, [restLogin(context, 'agent12', RIGHT_PASSWORD, context.address(0))])
    )[0]!.status;
    const cometd = await burst(
      context,
      passwords.map((password) => handshake(context, 'agent13', password, context.address(1))),
    );
    const accepted = cometd.answers.filter((answer) => {
      const reply = parseJson(answer.text);
      return Array.isArray(reply) && (reply[0] as { successful?: unknown } | undefined)?.successful === true;
    }).length;
    const restStatusesOk = rest.answers.every((answer) => answer.status === 401 || answer.status === 429);
    const rightRefused = rest.answers.at(-1)?.status === 429;
    return {
      rest: {
        guesses: rest.answers.length,
        checked: rest.checked,
        byStatus: rest.byStatus,
        rightPasswordStatus: rest.answers.at(-1)?.status,
        rightPasswordAfterwardsStatus: restAfter,
      },
      cometd: {
        handshakes: cometd.answers.length,
        checked: cometd.checked,
        httpByStatus: cometd.byStatus,
        handshakesAccepted: accepted,
      },
      target: { checkedAtMost: LOGIN_FAILURE_LIMIT },
      ok:
        rest.checked <= LOGIN_FAILURE_LIMIT &&
        cometd.checked <= LOGIN_FAILURE_LIMIT &&
        restStatusesOk &&
        rightRefused &&
        restAfter === 429 &&
        accepted === 0,
    };
  },
};

export const basicNoCookie: Scenario = {
  name: 'basic-no-cookie',
  budgetMs: 20_000,
  async run(context) {
    const user = 'agent14';
    const first = await context.tally.track(restLogin(context, user, RIGHT_PASSWORD, context.address(0))());
    const userId = (parseJson(first.text) as { user?: { id?: string } } | undefined)?.user?.id;
    if (userId === undefined) throw new Error(`${user} could not log in: ${first.status} ${first.text}`);
    const rssBeforeMb = context.server.rssMb();
    const keepAlive = new Agent({ keepAlive: true, maxSockets: context.options.basicConcurrency });
    const answers = new StatusTally(context.tally);
    try {
      await pool(
        context.options.basicRequests,
        context.options.basicConcurrency,
        async () => {
          await answers
            .track(
              loopbackRequest({
                port: context.ports.gwsPort,
                method: 'GET',
                path: '/api/v2/me',
                localAddress: context.address(0),
                agent: keepAlive,
                headers: { Accept: 'application/json', Authorization: basicAuthorization(user, RIGHT_PASSWORD) },
              }),
            )
            .catch(() => undefined);
        },
        () => context.expired(),
      );
    } finally {
      keepAlive.destroy();
    }
    const stats = await context.server.stats(userId);
    const { byStatus } = answers;
    const others = answers.sent - (byStatus['200'] ?? 0) - (byStatus['429'] ?? 0);
    return {
      requested: context.options.basicRequests,
      sent: answers.sent,
      concurrency: context.options.basicConcurrency,
      answers: answers.summary(),
      // 429 here is the throttle's in-flight bound (LOGIN_FAILURE_LIMIT logins of one user checked at once).
      refusedWhileOthersInFlight: byStatus['429'] ?? 0,
      httpSessionsAfter: stats.httpSessions,
      target: { httpSessionsAfter: 1 },
      rssBeforeMb,
      rssAfterMb: stats.rssMb,
      ok: stats.httpSessions === 1 && others === 0,
    };
  },
};
