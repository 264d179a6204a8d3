/** An account as `GET /marketplace_listing/accounts/{id}` shows it. */
export interface ListingAccount {
  readonly id: number;
  readonly login: string;
  readonly type?: string;
  readonly marketplace_purchase: {
    readonly plan: { readonly id: number; readonly name: string };
    readonly on_free_trial?: boolean;
    readonly free_trial_ends_on?: string | null;
  };
  readonly marketplace_pending_change?: {
    readonly effective_date: string;
    readonly plan: { readonly id: number; readonly name: string };
  } | null;
}

/**
 * The app-level endpoints a Marketplace app asks with its JWT: an installation's account
 * (`GET /app/installations/{id}`) and an account's purchase on the live or stubbed listing
 * (`GET /marketplace_listing[/stubbed]/accounts/{id}`). Accounts without a purchase get 404, as
 * on GitHub. Part of the fake GitHub; every question it answers is recorded.
 */
export interface FakeMarketplace {
  /** Purchases on the live listing, by account id. */
  readonly accounts: Map<number, ListingAccount>;
  /** Purchases on the stubbed listing, by account id. */
  readonly stubbedAccounts: Map<number, ListingAccount>;
  /** Installations by id: their account and whether they are suspended. */
  readonly installations: Map<
    number,
    { account: { id: number; login: string }; suspended_at: string | null }
  >;
  /** Paths of the app-level questions asked, in order. */
  readonly asked: string[];
  /**
   * The answer for a request, or null when it is not one of these endpoints. Like GitHub, these
   * endpoints take only the app's JWT: an installation token is refused with 401.
   */
  answer(
    method: string,
    path: string,
    authorization: string | undefined,
  ): [status: number, body: unknown] | null;
}

export function createFakeMarketplace(): FakeMarketplace {
  const accounts = new Map<number, ListingAccount>();
  const stubbedAccounts = new Map<number, ListingAccount>();
  const installations: FakeMarketplace['installations'] = new Map();
  const asked: string[] = [];
  const notFound: [number, unknown] = [404, { message: 'Not Found' }];
  const notTheApp: [number, unknown] = [401, { message: 'A JSON web token could not be decoded' }];
  const isAppJwt = (authorization: string | undefined) =>
    /^bearer [\w-]+\.[\w-]+\.[\w-]+$/i.test(authorization ?? '');
  return {
    accounts,
    stubbedAccounts,
    installations,
    asked,
    answer(method, path, authorization) {
      if (method !== 'GET') return null;
      const installation = /^\/api\/v3\/app\/installations\/(\d+)$/.exec(path);
      if (installation) {
        asked.push(path);
        if (!isAppJwt(authorization)) return notTheApp;
        const found = installations.get(Number(installation[1]));
        return found ? [200, { id: Number(installation[1]), ...found }] : notFound;
      }
      const account = /^\/api\/v3\/marketplace_listing\/(stubbed\/)?accounts\/(\d+)$/.exec(path);
      if (!account) return null;
      asked.push(path);
      if (!isAppJwt(authorization)) return notTheApp;
      const found = (account[1] ? stubbedAccounts : accounts).get(Number(account[2]));
      return found ? [200, found] : notFound;
    },
  };
}
