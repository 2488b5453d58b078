import { haversineKm, roundTripKm } from './travel';

describe('travel avoided', () => {
  it('measures great-circle distances (haversine, mean Earth radius)', () => {
    expect(haversineKm({ lat: 48.1719, lon: 2.2519 }, { lat: 48.1719, lon: 2.2519 })).toBe(0);
    // One degree of latitude: 2πR/360.
    expect(haversineKm({ lat: 47, lon: 2 }, { lat: 48, lon: 2 })).toBeCloseTo(111.195, 2);
    // Paris (Notre-Dame) – Orléans (cathedral): about 111 km as the crow flies.
    expect(haversineKm({ lat: 48.853, lon: 2.3499 }, { lat: 47.9022, lon: 1.9097 })).toBeCloseTo(110.2, 0);
    // Symmetric, and antipodes give half the circumference.
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * 6371.0088, 6);
  });

  it('counts the round trip stretched by the road detour factor', () => {
    const d = haversineKm({ lat: 47, lon: 2 }, { lat: 48, lon: 2 });
    expect(roundTripKm({ lat: 47, lon: 2 }, { lat: 48, lon: 2 }, 1.3)).toBeCloseTo(2 * 1.3 * d, 9);
  });
});
