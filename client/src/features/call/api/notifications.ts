import type { Notification, NotificationFrame, NotificationMap } from '@shared/signalling/protocol';

/** One handler per notification of the contract: a new notification without its handler fails to compile. */
export type NotificationHandlers = { [N in Notification]: (data: NotificationMap[N]) => void };

export function dispatchNotification(handlers: NotificationHandlers, frame: NotificationFrame): void {
  // The frame is a union correlated with the table's key: TypeScript cannot see that handler and data match.
  const handler = handlers[frame.notification] as ((data: NotificationFrame['data']) => void) | undefined;
  // A newer server's notification this client does not know yet is ignored, not thrown in the socket's listener.
  handler?.(frame.data);
}
