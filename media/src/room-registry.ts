import { EventEmitter } from 'node:events';
import type { types } from 'mediasoup';
import { CloseReason } from './close-reason';
import { ROUTER_MEDIA_CODECS } from './media-codecs';
import { MediaWorkerUnavailableError, WorkerPool } from './worker-pool';
import { Room } from './room';

export interface RoomRegistryEvents {
  roomClosed: [roomId: string, reason: CloseReason];
}

/**
 * Rooms by consultation id. Creation is deduplicated (concurrent joins share one router); a closed
 * room leaves the registry, so the next join recreates it, on a live worker after a crash.
 */
export class RoomRegistry extends EventEmitter<RoomRegistryEvents> {
  private readonly rooms = new Map<string, { creating: Promise<Room>; room: Room | null }>();
  private capabilities: Promise<types.RtpCapabilities> | null = null;

  constructor(private readonly pool: WorkerPool) {
    super();
  }

  get size(): number {
    return this.rooms.size;
  }

  getOrCreate(roomId: string): Promise<Room> {
    const existing = this.rooms.get(roomId);
    if (existing) return existing.creating;
    const entry: { creating: Promise<Room>; room: Room | null } = { creating: this.create(roomId), room: null };
    this.rooms.set(roomId, entry);
    entry.creating.then(
      (room) => {
        entry.room = room;
      },
      // A failed creation must not stay cached.
      () => {
        if (this.rooms.get(roomId) === entry) this.rooms.delete(roomId);
      },
    );
    return entry.creating;
  }

  /**
   * What every room's router offers: the same codecs give the same capabilities (payload types are
   * assigned in order), so they are read once, from a router made for that and closed at once.
   * Clients load their device with them while their camera opens, before any room exists.
   */
  rtpCapabilities(): Promise<types.RtpCapabilities> {
    if (!this.capabilities) {
      const reading = (async () => {
        const router = await this.pool.pick().createRouter({ mediaCodecs: ROUTER_MEDIA_CODECS });
        try {
          return router.rtpCapabilities;
        } finally {
          router.close();
        }
      })();
      this.capabilities = reading;
      // A failed read (no worker right now) must not stay cached.
      reading.catch(() => this.capabilities === reading && (this.capabilities = null));
    }
    return this.capabilities;
  }

  /** The room if it exists and is open; never creates one. */
  async find(roomId: string): Promise<Room | null> {
    const room = await this.rooms.get(roomId)?.creating.catch(() => null);
    return room && !room.closed ? room : null;
  }

  async closeAll(reason: CloseReason): Promise<void> {
    const rooms = await Promise.allSettled([...this.rooms.values()].map((entry) => entry.creating));
    for (const result of rooms) if (result.status === 'fulfilled') result.value.close(reason);
  }

  private async create(roomId: string): Promise<Room> {
    const worker = this.pool.pick();
    const server = this.pool.webRtcServerOf(worker);
    if (!server) throw new MediaWorkerUnavailableError('The media workers run without a WebRtcServer.');
    const room = await Room.create(roomId, worker, server);
    room.once('closed', (reason) => {
      const entry = this.rooms.get(roomId);
      // Synchronous, so a join right after the close already creates a fresh room.
      if (entry && (entry.room === room || entry.room === null)) this.rooms.delete(roomId);
      this.emit('roomClosed', roomId, reason);
    });
    return room;
  }
}
