import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../domain/errors.ts';
import type { SheetChange } from '../domain/stock-sheet.ts';
import { productItem, type CatalogueWritesDeps } from './catalogue-writes.ts';
import { keys } from './keys.ts';

/**
 * Saves a stock sheet all or nothing: one transaction holding each changed product (its price is
 * its cheapest variant's; only if its `updatedAt` is the one read) and each changed variant's
 * stock and price (only if its stock is still the one read: an order may have moved it). A
 * concurrent save or sale cancels the whole transaction (409) and nothing is written.
 */
export function stockSheet({ db, tableName }: CatalogueWritesDeps) {
  return {
    async save(changes: SheetChange[]): Promise<void> {
      if (changes.length === 0) return;
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: changes.flatMap((change) => [
              {
                Put: {
                  TableName: tableName,
                  Item: productItem(change.product),
                  ConditionExpression: 'shopId = :shop AND updatedAt = :seen',
                  ExpressionAttributeValues: { ':shop': change.previous.product.shopId, ':seen': change.previous.product.updatedAt },
                },
              },
              ...change.variants.map(({ variant, seenStock }) => ({
                Update: {
                  TableName: tableName,
                  Key: keys.variant(change.product.id, variant.sku),
                  UpdateExpression: 'SET stock = :stock, price = :price',
                  ConditionExpression: 'stock = :seen',
                  ExpressionAttributeValues: { ':stock': variant.stock, ':price': variant.price, ':seen': seenStock },
                },
              })),
            ]),
          }),
        );
      } catch (error) {
        if ((error as Error).name === 'TransactionCanceledException') throw new ConflictError('changed', 'A product changed meanwhile (a sale or another save); reload and try again');
        throw error;
      }
    },
  };
}

export type StockSheetData = ReturnType<typeof stockSheet>;
