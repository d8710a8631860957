export * from './person-commands.service';
export * from './person-queries.service';
export * from './person.view';
export * from './profiles.ports';
