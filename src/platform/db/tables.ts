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
  sessions: {
    id: string;
    token_hash: string;
    csrf_token: string;
    account_id: string;
    created_at: string;
    last_seen_at: string;
    expires_at: string;
    revoked_at: string | null;
    user_agent: string | null;
    ip: string | null;
  };
  api_tokens: {
    id: string;
    account_id: string;
    name: string;
    token_hash: string;
    prefix: string;
    created_at: string;
    expires_at: string | null;
    last_used_at: string | null;
    revoked_at: string | null;
  };
  audit_log: {
    id: string;
    chain_index: number;
    at: string;
    actor_id: string | null;
    actor_label: string;
    action: string;
    target_type: string;
    target_id: string;
    summary: string;
    request_id: string | null;
    ip: string | null;
    prev_hash: string;
    hash: string;
  };
  pd_access_log: {
    id: string;
    at: string;
    actor_id: string;
    actor_label: string;
    subject_kind: string;
    subject_id: string;
    fields: string;
    purpose: string;
    request_id: string | null;
  };
  /**
   * Revision counters of cached reference data, one row per kind (`registry`, `calendar`,
   * `catalog`, `workflow`): every change bumps its kind's row in the change's transaction
   * (src/platform/db/revision-cache.ts).
   */
  cache_revisions: {
    name: string;
    revision: number;
    updated_at: string;
  };
  /** Blobs in the content-addressed file store (src/platform/files). */
  files: {
    /** Lower-case hex SHA-256 of the content: the blob's address. */
    sha256: string;
    size: number;
    /** Sniffed from the content, never from the file name. */
    mime: string;
    ext: string | null;
    created_at: string;
  };
}
