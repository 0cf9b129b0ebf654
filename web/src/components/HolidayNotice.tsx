import type { JSX } from 'preact';
import type { Shop } from '../../../shared/domain/catalogue.ts';
import { useI18n } from '../i18n/context.ts';

/** A shop on holiday: its products are unavailable; the artisan's own message, in her words, follows. */
export function HolidayNotice({ holiday }: { holiday: NonNullable<Shop['holiday']> }): JSX.Element {
  const { t } = useI18n();
  return (
    <div class="holiday-notice" role="status" data-testid="holiday-notice">
      <p class="holiday-notice-title">{t('shop.onHoliday')}</p>
      {holiday.message && (
        <p class="holiday-notice-message" dir="auto">
          {holiday.message}
        </p>
      )}
    </div>
  );
}
