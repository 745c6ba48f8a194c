import { notifications } from '@mantine/notifications';
import i18n from '../i18n';

/** A short confirmation toast whose close button has a name for screen readers. */
export function notify(message: string, color: 'green' | 'red' = 'green'): void {
  notifications.show({ message, color, closeButtonProps: { 'aria-label': i18n.t('common.close') } });
}
