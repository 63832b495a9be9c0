import { defineConfig } from 'tsup';
import { packagePreset } from '../../build/tsup-preset.js';

// The built package reads its prebuilt bundle (see src/location.ts); the sources load YAML.
export default defineConfig(packagePreset({ index: 'src/index.ts' }, { define: { __VOT_BUILT_PACKAGE__: 'true' } }));
