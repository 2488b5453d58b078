import { Initial1795430701781 } from './1795430701781-Initial';
import { Notifications1795441231010 } from './1795441231010-Notifications';

/** Every migration, in order. The schema changes only through these (synchronize is off). */
export const MIGRATIONS = [Initial1795430701781, Notifications1795441231010];
