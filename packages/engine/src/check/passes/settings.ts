/**
 * Settings pass: the values settings.yaml leaves to local choice. Each declaration is checked by
 * its type (fact-types/: the default must lie in the domain), cites its basis and has each
 * language in its texts; then the values a host sets (`loadPolicies({ settings })`) must name a
 * declared setting and lie in its domain, and become the values in force that later passes fold
 * into conditions, limits and reasons.
 */
import { listOf } from '../../diagnostics.js';
import { declareSetting, factType, literalText } from '../../fact-types/index.js';
import type { SettingModel } from '../../model.js';
import { didYouMean, type CheckContext } from '../context.js';
import { checkText } from '../texts.js';
import { checkBasis } from './sources.js';

export function checkSettings(ctx: CheckContext): void {
  for (const entry of ctx.documents('settings')) {
    const rep = ctx.reporter.in(entry);
    entry.document.settings.forEach((setting, index) => {
      const path = ['settings', index];
      // The key order is the published bundle's: id, type, default, value, title, basis, at, description, domain.
      const model = {
        id: setting.id,
        type: setting.type,
        default: setting.default,
        value: setting.default,
        title: checkText(ctx, rep, [...path, 'title'], setting.title, `the title of setting \`${setting.id}\``),
        basis: checkBasis(ctx, rep, [...path, 'basis'], setting.basis, `setting \`${setting.id}\``),
        at: rep.at(path),
      } as SettingModel;
      if (setting.description)
        model.description = checkText(
          ctx,
          rep,
          [...path, 'description'],
          setting.description,
          `the description of setting \`${setting.id}\``,
        );
      Object.assign(model, declareSetting(setting, rep.inside(path)));
      ctx.settings.add(rep, [...path, 'id'], setting.id, model);
    });
  }
  for (const [id, value] of Object.entries(ctx.options.settings ?? {})) {
    const setting = ctx.settings.get(id);
    if (!setting) {
      ctx.reporter.general({
        code: 'setting-unknown',
        args: { id },
        expected: listOf(ctx.settings.ids()),
        help: didYouMean(id, ctx.settings.ids()),
      });
      continue;
    }
    if (!factType(setting).settingFits(setting, value)) {
      ctx.reporter.general({
        code: 'setting-out-of-range',
        args: { id, value: literalText(value), range: factType(setting).settingRange(setting) },
      });
      continue;
    }
    setting.value = value;
  }
}
