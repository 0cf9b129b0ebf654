import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** A document client on the local DynamoDB that records every request it sends and what it read. */
export interface Recorded {
  command: string;
  input: Record<string, unknown>;
  scannedCount?: number;
  consumedCapacity?: number;
}

export function recordingClient({ endpoint, tableName }: { endpoint: string; tableName: string }) {
  const calls: Recorded[] = [];
  const client = new DynamoDBClient({
    endpoint,
    region: 'eu-west-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      const result = await next({ ...args, input: { ...input, ReturnConsumedCapacity: 'TOTAL' } } as typeof args);
      const output = result.output as { ScannedCount?: number; ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] };
      const capacity = Array.isArray(output.ConsumedCapacity)
        ? output.ConsumedCapacity.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0)
        : output.ConsumedCapacity?.CapacityUnits;
      calls.push({ command: context.commandName ?? 'unknown', input, scannedCount: output.ScannedCount, consumedCapacity: capacity });
      return result;
    },
    { step: 'initialize', name: 'recordCalls' },
  );
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { db, calls, tableName, destroy: () => client.destroy() };
}
