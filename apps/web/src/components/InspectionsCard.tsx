// The inspections of a unit in a period on its measure page: findings, conclusion, whether it was
// published to the unit and when; "Công bố kết luận" is offered only to whoever may publish it.
import { accountabilityInspectionPolicy } from '@hub/domain'
import { Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconSpeakerphone } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useUser } from '../auth/auth'
import { actorOf, useUnitTree } from '../auth/document-access'
import { type Inspection, usePublishInspection, useUnitInspections } from '../lib/accountability'
import { formatDate } from '../lib/dates'
import { errorText } from '../lib/error-text'
import { useFailureToast } from '../lib/failure-toast'

export function InspectionsCard({ unitId, from, to }: { unitId: string; from: string; to: string }) {
  const { t, i18n } = useTranslation()
  const failed = useFailureToast()
  const user = useUser()
  const tree = useUnitTree()
  const q = useUnitInspections(unitId, from, to)
  const publish = usePublishInspection()
  const [asking, setAsking] = useState<Inspection | null>(null)
  // The server's rule applied here: whoever recorded it, or the standing committee over the unit.
  const mayPublish = (i: Inspection) =>
    !!tree && !i.published && accountabilityInspectionPolicy.publish(actorOf(user), tree, i)
  const run = async (i: Inspection) => {
    try {
      await publish.mutateAsync(i.id)
      notifications.show({ color: 'teal', message: t('accountability.publication.done') })
      setAsking(null)
    } catch (e) {
      failed(e)
    }
  }
  const list = q.data ?? []
  return (
    <Card withBorder data-testid="inspections">
      <Title order={3} fz="md" mb="xs">
        {t('accountability.inspections')}
      </Title>
      {q.error ? (
        <Text size="sm" c="red.8">
          {errorText(t, q.error, i18n.language)}
        </Text>
      ) : list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {q.isLoading ? t('common.loading') : t('accountability.noRecords')}
        </Text>
      ) : (
        <Stack gap="sm">
          {list.map((i) => (
            <div key={i.id} data-inspection={i.id}>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {formatDate(i.date)} · {t(`accountability.inspectionKinds.${i.kind}`)}
                </Text>
                {i.outcome && (
                  <Badge variant="light" style={{ textTransform: 'none' }}>
                    {t(`accountability.outcomes.${i.outcome}`)}
                  </Badge>
                )}
                <Badge
                  color={i.published ? 'teal' : 'gray'}
                  variant={i.published ? 'filled' : 'outline'}
                  style={{ textTransform: 'none' }}
                  data-testid="publication"
                >
                  {i.published
                    ? t('accountability.publication.published', { date: formatDate(i.publishedAt) })
                    : t('accountability.publication.notPublished')}
                </Badge>
              </Group>
              {i.teamName && (
                <Text size="xs" c="dimmed">
                  {t('accountability.publication.team', { name: i.teamName })}
                </Text>
              )}
              {i.withheld ? (
                <Text size="sm" c="dimmed" data-testid="withheld">
                  {t('accountability.publication.withheld')}
                </Text>
              ) : (
                <Text size="sm">{i.findings}</Text>
              )}
              {i.conclusion && i.conclusion !== i.findings && (
                <Text size="sm">
                  <b>{t('accountability.publication.conclusion')}:</b> {i.conclusion}
                </Text>
              )}
              {mayPublish(i) && (
                <Button
                  size="xs"
                  variant="light"
                  mt={4}
                  leftSection={<IconSpeakerphone size={16} aria-hidden />}
                  aria-label={t('accountability.publication.publishAria', { date: formatDate(i.date) })}
                  onClick={() => setAsking(i)}
                >
                  {t('accountability.publication.publish')}
                </Button>
              )}
            </div>
          ))}
        </Stack>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={!!asking}
        onClose={() => setAsking(null)}
        title={t('accountability.publication.confirmTitle')}
      >
        {asking && (
          <Stack gap="md">
            <Text size="sm">
              {t('accountability.publication.confirmText', { unit: asking.unitName, date: formatDate(asking.date) })}
            </Text>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setAsking(null)}>
                {t('common.cancel')}
              </Button>
              <Button loading={publish.isPending} onClick={() => void run(asking)}>
                {t('accountability.publication.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  )
}
