import { INDEX } from './keys.ts';

/**
 * The table's physical layout: key attributes and global secondary indexes. The CDK
 * stateful stack and the local provisioner both build the table from this.
 */
export const TABLE_KEY = { partitionKey: 'pk', sortKey: 'sk' } as const;
export const TTL_ATTRIBUTE = 'ttl';

export const GLOBAL_INDEXES = Object.values(INDEX).map((indexName) => ({
  indexName,
  partitionKey: `${indexName}pk`,
  sortKey: `${indexName}sk`,
}));
