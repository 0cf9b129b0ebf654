import { reviews as reviewsData } from '#shared/data/reviews.ts';
import { db } from './clients.ts';
import { config } from './config.ts';

/** The reviews data adapter, built once per process. */
export const reviews = reviewsData({ db, tableName: config.tableName });
