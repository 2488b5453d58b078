import { ConfigurationError, validateEnv } from '../config/env.validation';

/** The travel-avoided estimate's factors: sourced defaults, operator values checked at boot. */
describe('the travel-avoided settings', () => {
  it('default to a 1.3 detour and ADEME’s average car, with its source', () => {
    const env = validateEnv({});
    expect(env.STATS_ROAD_FACTOR).toBe(1.3);
    expect(env.STATS_CO2_KG_PER_KM).toBe(0.218);
    expect(env.STATS_CO2_SOURCE).toMatch(/^ADEME, impactco2\.fr/);
  });

  it('take decimal values within bounds', () => {
    const env = validateEnv({ STATS_ROAD_FACTOR: '1.25', STATS_CO2_KG_PER_KM: '0.193', STATS_CO2_SOURCE: 'ADEME, Base Carbone 2024' });
    expect([env.STATS_ROAD_FACTOR, env.STATS_CO2_KG_PER_KM, env.STATS_CO2_SOURCE]).toEqual([1.25, 0.193, 'ADEME, Base Carbone 2024']);
  });

  it.each([
    ['STATS_ROAD_FACTOR', '0.9', /STATS_ROAD_FACTOR must be a number from 1 to 3/],
    ['STATS_ROAD_FACTOR', 'beaucoup', /STATS_ROAD_FACTOR must be a number/],
    ['STATS_CO2_KG_PER_KM', '218', /STATS_CO2_KG_PER_KM must be a number kg CO2e per km from 0.01 to 1/],
    ['STATS_CO2_KG_PER_KM', '-0.2', /STATS_CO2_KG_PER_KM must be a number/],
    ['STATS_CO2_SOURCE', 'x', /STATS_CO2_SOURCE must name the source/],
  ])('refuse %s=%s at boot', (name, value, message) => {
    const attempt = () => validateEnv({ [name]: value });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(message);
  });
});
