export function isStale(): boolean;
export function isWebStale(): boolean;
export function ensureBuilt(options?: { web?: boolean }): void;
export function ensureWebBuilt(): void;
export function buildWeb(): boolean;
