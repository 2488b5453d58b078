export * from './worker-pool';
export * from './close-reason';
export * from './media-codecs';
export * from './media-error';
export * from './peer';
export * from './room';
export * from './room-registry';
