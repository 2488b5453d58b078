// Entry point for the TypeORM CLI (npm run migration:generate / migration:run).
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { readEnv } from '../config/configuration';
import { typeormOptions } from './typeorm-options';

const url = readEnv().DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must be set to run the TypeORM CLI');
export default new DataSource(typeormOptions(url));
