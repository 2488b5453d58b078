import type { types } from 'mediasoup-client';
import { fetchApi } from '../../../lib/api';

/** The SFU routers' RTP capabilities (the same for every consultation; a join answers them too). */
export const getMediaCapabilities = () => fetchApi<{ routerRtpCapabilities: types.RtpCapabilities }>('/api/calls/media-capabilities');
