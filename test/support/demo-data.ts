import { DataSource } from 'typeorm';

/** Ids of the seeded demo data (server/src/seed/demo-seed.service.ts). */
export async function demoIds(dataSource: DataSource) {
  const sites: Array<{ id: string; name: string }> = await dataSource.query('SELECT id, name FROM msap_sites ORDER BY name');
  const pithiviers = sites.find((s) => s.name.includes('Pithiviers'))!;
  const sully = sites.find((s) => s.name.includes('Sully'))!;
  const booths: Array<{ id: string; msap_site_id: string }> = await dataSource.query('SELECT id, msap_site_id FROM booths ORDER BY name');
  return {
    pithiviersId: pithiviers.id,
    sullyId: sully.id,
    pithiviersBoothId: booths.find((b) => b.msap_site_id === pithiviers.id)!.id,
    sullyBoothId: booths.find((b) => b.msap_site_id === sully.id)!.id,
  };
}
