import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import vi from './vi.json';
import adminEn from './admin.en.json';
import adminVi from './admin.vi.json';

/** The languages of the portal: Vietnamese first, English second. */
export type Lang = 'vi' | 'en';

const STORAGE_KEY = 'egov.lang';

function storedLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    // Storage can be unavailable (private mode, blocked cookies): Vietnamese by default.
    return 'vi';
  }
}

/** The current language, narrowed to the two the portal speaks. */
export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'vi';
}

/** Switches the language, remembers the choice and updates `<html lang>` for screen readers. */
export async function setLang(lang: Lang): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered; the switch still applies to this visit.
  }
  await i18n.changeLanguage(lang);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  document.title = i18n.t('portal.name');
});

void i18n.use(initReactI18next).init({
  // The admin console's texts live in their own files, under the `admin` key.
  resources: { vi: { translation: { ...vi, admin: adminVi } }, en: { translation: { ...en, admin: adminEn } } },
  lng: storedLang(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
