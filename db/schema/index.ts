// Every table, for drizzle-kit (drizzle.config.ts) and the typed client (db/open.ts).
export * from './accounts';
export * from './activities';
export * from './articles';
export * from './audit';
export * from './branches';
export * from './columns';
export * from './development';
export * from './lectures';
export * from './media';
export * from './people';
export * from './training';
export * from './inspections';
export * from './reviews';
