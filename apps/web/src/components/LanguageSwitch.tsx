// The VI/EN menu in the header, on the login page and on the public duty page; the choice goes through
// i18n's changeLanguage, which keeps it on the device.

import { ActionIcon, Menu, Text } from '@mantine/core'
import { IconLanguage } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { changeLanguage, type Language, languages } from '../i18n'

/** Vietnamese first, English second; the choice is remembered on this device. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('app.language')}>
          <Text fw={700} size="xs" aria-hidden>
            {i18n.language === 'en' ? 'EN' : 'VI'}
          </Text>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <IconLanguage size={14} aria-hidden /> {t('app.language')}
        </Menu.Label>
        {languages.map((lang: Language) => (
          <Menu.Item
            key={lang}
            onClick={() => void changeLanguage(lang)}
            aria-current={i18n.language === lang ? 'true' : undefined}
            lang={lang}
          >
            {t(`app.languages.${lang}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  )
}
