import { operatorOrders } from '#shared/data/operator-orders.ts';
import { orderContacts } from '#shared/data/order-contacts.ts';
import { db } from './clients.ts';
import { config } from './config.ts';

/** The operators' order data (an order's whole record, its timeline, cancel requests) and the contact lookups, built once per process. */
export const operatorOrderData = operatorOrders({ db, tableName: config.tableName });
export const contacts = orderContacts({ db, tableName: config.tableName });
