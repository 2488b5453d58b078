import { SetMetadata } from '@nestjs/common';
import { Audience } from '../roles';

export const ALLOW_KEY = 'visio:allow';
export const PUBLIC_KEY = 'visio:public';

/** Opens a route to these audiences; routes with neither @Allow nor @Public are closed to everyone. */
export const Allow = (...audiences: [Audience, ...Audience[]]) => SetMetadata(ALLOW_KEY, audiences);

/** Opens a route to anonymous callers. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
