export * from './accounts';
export * from './activities';
export * from './audit';
export * from './branches';
export * from './lectures';
export * from './news';
export * from './people';
export * from './trainees';
