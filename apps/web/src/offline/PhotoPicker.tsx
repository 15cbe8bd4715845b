// The photos of a report, taken with the phone's camera (or chosen): each is downscaled at once, shown
// as a small preview, and can be removed before sending; the limits are said before the hub says them.

import { ActionIcon, Button, FileButton, Group, Image, Stack, Text } from '@mantine/core'
import { IconCamera, IconX } from '@tabler/icons-react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PHOTO_MAX_BYTES, PHOTOS_PER_REPORT, type PhotoDraft, PhotoRejected, preparePhoto } from './photos'

function Preview({ photo, onRemove }: { photo: PhotoDraft; onRemove: () => void }) {
  const { t } = useTranslation()
  const url = useMemo(() => URL.createObjectURL(photo.blob), [photo.blob])
  useEffect(() => () => URL.revokeObjectURL(url), [url])
  return (
    <div style={{ position: 'relative' }} data-testid="photo-preview">
      <Image src={url} alt={photo.name} w={72} h={72} radius="sm" fit="cover" loading="lazy" />
      <ActionIcon
        size="sm"
        color="red"
        variant="filled"
        radius="xl"
        style={{ position: 'absolute', top: -6, right: -6 }}
        onClick={onRemove}
        aria-label={t('offline.photos.remove', { name: photo.name })}
      >
        <IconX size={12} aria-hidden />
      </ActionIcon>
    </div>
  )
}

/** Picks photos for a report; `photos` are ready to be kept in the outbox. */
export function PhotoPicker({ photos, onChange }: { photos: PhotoDraft[]; onChange: (next: PhotoDraft[]) => void }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const add = async (files: File[]) => {
    setProblem(null)
    setBusy(true)
    let next = photos
    try {
      for (const file of files) {
        if (next.length >= PHOTOS_PER_REPORT) {
          setProblem(t('offline.photos.tooMany', { count: PHOTOS_PER_REPORT }))
          break
        }
        try {
          next = [...next, await preparePhoto(file)]
        } catch (e) {
          const reason = e instanceof PhotoRejected ? e.reason : 'notImage'
          setProblem(
            reason === 'tooMany'
              ? t('offline.photos.tooMany', { count: PHOTOS_PER_REPORT })
              : t(`offline.photos.${reason}`, { name: file.name, mb: PHOTO_MAX_BYTES / 1024 / 1024 }),
          )
        }
      }
      onChange(next)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('offline.photos.label')}
      </Text>
      {photos.length > 0 && (
        <Group gap="sm" data-testid="photo-previews">
          {photos.map((p) => (
            <Preview key={p.key} photo={p} onRemove={() => onChange(photos.filter((x) => x.key !== p.key))} />
          ))}
        </Group>
      )}
      <Group gap="xs">
        <FileButton onChange={(files) => void add(files)} accept="image/*" capture="environment" multiple>
          {(props) => (
            <Button
              {...props}
              size="sm"
              variant="light"
              leftSection={<IconCamera size={16} aria-hidden />}
              loading={busy}
              disabled={photos.length >= PHOTOS_PER_REPORT}
              data-testid="add-photo"
            >
              {t('offline.photos.add')}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {t('offline.photos.hint', { count: PHOTOS_PER_REPORT })}
        </Text>
      </Group>
      {problem && (
        <Text size="sm" c="red.8" role="alert">
          {problem}
        </Text>
      )}
    </Stack>
  )
}

/** The photos sent with a report, small and loaded only when scrolled to; a tap opens the full photo. */
export function ReportPhotos({ reportId, photos }: { reportId: string; photos?: { id: string; filename: string }[] }) {
  if (!photos?.length) return null
  return (
    <Group gap="xs" mt={4} data-testid="report-photos">
      {photos.map((p) => {
        const src = `/api/reports/${reportId}/photos/${p.id}`
        return (
          <a key={p.id} href={src} target="_blank" rel="noreferrer">
            <Image src={src} alt={p.filename} w={64} h={64} radius="sm" fit="cover" loading="lazy" />
          </a>
        )
      })}
    </Group>
  )
}
