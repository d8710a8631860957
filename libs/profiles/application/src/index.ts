export * from './person-commands.service';
export * from './person-queries.service';
export * from './profiles.ports';
