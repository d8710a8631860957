import { Inject, Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CareerConfig } from './career.config';
import { ConfigValidationError } from './load-config';
import { ServiceConfigModule } from './service-config.module';

@Injectable()
class NeedsConfig {
  constructor(@Inject(CareerConfig) readonly config: CareerConfig) {}
}

describe('ServiceConfigModule', () => {
  it('provides the validated config by its class', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ServiceConfigModule.forRoot(CareerConfig, { CAREER_PORT: '4002' })],
      providers: [NeedsConfig],
    }).compile();
    expect(moduleRef.get(NeedsConfig).config.port).toBe(4002);
  });

  it('fails while the module is being declared when the environment is bad', () => {
    expect(() => ServiceConfigModule.forRoot(CareerConfig, { CAREER_PORT: 'none' })).toThrow(ConfigValidationError);
  });
});
