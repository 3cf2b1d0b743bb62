export { formatDateTime } from '@/lib/format';

export const SCOPE_LABELS: Readonly<Record<string, string>> = { READ: 'Read', READ_WRITE: 'Read & write' };
