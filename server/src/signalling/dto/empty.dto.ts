import type { NoParams } from '../../../../shared/signalling/protocol';

/** For requests without parameters: any field is refused (forbidNonWhitelisted). */
export class EmptyDto implements NoParams {}
