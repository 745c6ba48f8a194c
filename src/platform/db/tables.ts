/** Table types of the platform's own tables. Modules declare theirs in their `store.ts`. */
export interface PlatformTables {
  seed_state: {
    name: string;
    applied_at: string;
    /** JSON: what the seed reported (demo logins are printed at every start). */
    details: string | null;
  };
  accounts: {
    id: string;
    username: string;
    password_hash: string;
    display_name: string;
    kind: 'official' | 'citizen' | 'service';
    email: string | null;
    status: 'active' | 'disabled';
    failed_logins: number;
    locked_until: string | null;
    created_at: string;
    updated_at: string;
  };
  account_roles: {
    account_id: string;
    role: string;
    scope_kind: string;
    scope_code: string;
  };
}
