// The rich-text editor of the directive, meeting, model and city-report pages: toolbar, who has the document
// open, and whether edits are connected and saved, around the session of use-collab-session.ts.

import { ActionIcon, Avatar, Badge, Group, Paper, Text, Tooltip } from '@mantine/core'
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconBold,
  IconH2,
  IconItalic,
  IconList,
  IconListNumbers,
  IconStrikethrough,
  IconTable,
} from '@tabler/icons-react'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import Placeholder from '@tiptap/extension-placeholder'
import { TableKit } from '@tiptap/extension-table'
import { type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Loading } from '../components/PageState'
import { formatDateTime } from '../lib/dates'
import { initials } from '../lib/initials'
import './collab.css'
import { type CollabSession, useCollabSession, useCollabStatus, usePeers, useStorageState } from './use-collab-session'
import { userColor } from './user-color'

export interface CollabEditorProps {
  /** "directive:<id>", "meeting:<id>", "plan:<id>", "model:<id>". */
  docName: string
  user: { id: string; name: string }
  /** Read-only users still see others' edits live. */
  editable?: boolean
  placeholder?: string
  /** The accessible name of the text area. */
  label: string
  minHeight?: number
}

/** Connected / connecting / offline (edits kept on this device), said in words and colour. */
function ConnectionBadge({ session }: { session: CollabSession }) {
  const { t } = useTranslation()
  const { status, pending } = useCollabStatus(session)
  const label =
    status === 'connected'
      ? t('editor.connected')
      : status === 'connecting'
        ? t('editor.connecting')
        : pending
          ? t('editor.offlinePending')
          : t('editor.offline')
  const color = status === 'connected' ? 'green' : status === 'connecting' ? 'yellow' : 'gray'
  return (
    <Badge
      variant="light"
      color={color}
      role="status"
      aria-live="polite"
      data-testid="collab-status"
      data-status={status}
      style={{ textTransform: 'none', maxWidth: '100%' }}
    >
      {label}
    </Badge>
  )
}

/**
 * Whether the server has written this document's edits to the database ("Đã lưu"), or holds them in
 * memory because the database fails (how many, since when): they are written when it returns.
 */
function StorageBadge({ session }: { session: CollabSession }) {
  const { t } = useTranslation()
  const { status } = useCollabStatus(session)
  const storage = useStorageState(session)
  if (status !== 'connected') return null
  const pending = storage.state === 'pending'
  const badge = (
    <Badge
      variant="light"
      color={pending ? 'orange' : 'green'}
      role="status"
      aria-live="polite"
      data-testid="collab-storage"
      data-state={storage.state}
      style={{ textTransform: 'none', maxWidth: '100%' }}
    >
      {pending ? t('editor.storagePending', { n: storage.held }) : t('editor.storageSaved')}
    </Badge>
  )
  return pending ? (
    <Tooltip
      label={t('editor.storageSince', { time: formatDateTime(new Date(storage.since).toISOString()) })}
      withArrow
    >
      {badge}
    </Tooltip>
  ) : (
    badge
  )
}

/** Avatars of everyone with the document open, from awareness. */
function PeopleHere({ session }: { session: CollabSession }) {
  const { t } = useTranslation()
  const peers = usePeers(session)
  if (!peers.length) return null
  return (
    <Group gap={6} wrap="nowrap" aria-label={t('editor.here')} data-testid="collab-peers">
      <Text size="xs" c="dimmed" visibleFrom="xs">
        {t('editor.here')}:
      </Text>
      <Avatar.Group spacing="xs">
        {peers.slice(0, 6).map((p) => (
          <Tooltip key={p.clientId} label={p.self ? `${p.name} (${t('editor.you')})` : p.name} withArrow>
            <Avatar
              size="sm"
              radius="xl"
              style={{ background: p.color, color: '#fff' }}
              aria-label={p.name}
              data-peer-name={p.name}
            >
              {initials(p.name)}
            </Avatar>
          </Tooltip>
        ))}
        {peers.length > 6 && (
          <Avatar size="sm" radius="xl">
            +{peers.length - 6}
          </Avatar>
        )}
      </Avatar.Group>
    </Group>
  )
}

function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      strike: e.isActive('strike'),
      h2: e.isActive('heading', { level: 2 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
    }),
  })
  const btn = (label: string, icon: React.ReactNode, onClick: () => void, active = false) => (
    <Tooltip label={label} withArrow>
      <ActionIcon
        variant={active ? 'filled' : 'subtle'}
        color={active ? 'blue' : 'gray'}
        size="lg"
        aria-label={label}
        aria-pressed={active}
        onClick={onClick}
      >
        {icon}
      </ActionIcon>
    </Tooltip>
  )
  const c = () => editor.chain().focus()
  return (
    <Group gap={2} role="toolbar" aria-label={t('editor.toolbar.label')} wrap="wrap">
      {btn(t('editor.toolbar.bold'), <IconBold size={18} aria-hidden />, () => c().toggleBold().run(), s.bold)}
      {btn(t('editor.toolbar.italic'), <IconItalic size={18} aria-hidden />, () => c().toggleItalic().run(), s.italic)}
      {btn(
        t('editor.toolbar.strike'),
        <IconStrikethrough size={18} aria-hidden />,
        () => c().toggleStrike().run(),
        s.strike,
      )}
      {btn(
        t('editor.toolbar.heading'),
        <IconH2 size={18} aria-hidden />,
        () => c().toggleHeading({ level: 2 }).run(),
        s.h2,
      )}
      {btn(
        t('editor.toolbar.bulletList'),
        <IconList size={18} aria-hidden />,
        () => c().toggleBulletList().run(),
        s.bullet,
      )}
      {btn(
        t('editor.toolbar.orderedList'),
        <IconListNumbers size={18} aria-hidden />,
        () => c().toggleOrderedList().run(),
        s.ordered,
      )}
      {btn(t('editor.toolbar.table'), <IconTable size={18} aria-hidden />, () =>
        c().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
      )}
      {btn(t('editor.toolbar.undo'), <IconArrowBackUp size={18} aria-hidden />, () => c().undo().run())}
      {btn(t('editor.toolbar.redo'), <IconArrowForwardUp size={18} aria-hidden />, () => c().redo().run())}
    </Group>
  )
}

function EditorSurface({
  session,
  user,
  editable,
  placeholder,
  label,
  minHeight,
}: Omit<CollabEditorProps, 'docName'> & { session: CollabSession }) {
  const { t } = useTranslation()
  const color = userColor(user.id)
  const editor = useEditor(
    {
      extensions: [
        // Yjs keeps the history: the editor's own undo would undo other people's typing.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: session.ydoc, field: 'default' }),
        CollaborationCaret.configure({ provider: session.provider, user: { name: user.name, color } }),
        Placeholder.configure({ placeholder: placeholder ?? t('editor.placeholder') }),
        TableKit.configure({ table: { resizable: false } }),
      ],
      editable: editable !== false,
      editorProps: {
        attributes: {
          'aria-label': label,
          'aria-multiline': 'true',
          role: 'textbox',
          class: 'collab-editor-content',
          'data-testid': 'collab-editor',
        },
      },
    },
    [session],
  )

  useEffect(() => {
    editor?.setEditable(editable !== false)
  }, [editor, editable])

  return (
    <Paper withBorder radius="md" className="collab-editor" data-doc={session.provider.roomname}>
      <Group
        justify="space-between"
        gap="xs"
        p="xs"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        wrap="wrap"
      >
        {editor && editable !== false ? (
          <Toolbar editor={editor} />
        ) : (
          <Badge variant="light" color="gray">
            {t('editor.readOnly')}
          </Badge>
        )}
        <Group gap="xs" wrap="wrap" justify="flex-end">
          <PeopleHere session={session} />
          <ConnectionBadge session={session} />
          <StorageBadge session={session} />
        </Group>
      </Group>
      <div style={{ minHeight: minHeight ?? 280 }} className="collab-editor-scroll">
        <EditorContent editor={editor} />
      </div>
    </Paper>
  )
}

/**
 * The shared rich-text editor: Tiptap on a Yjs document, live with everyone who has it open
 * (carets with names), kept in the browser while offline and merged on reconnect.
 */
export function CollabEditor(props: CollabEditorProps) {
  const { t } = useTranslation()
  const session = useCollabSession(props.docName, props.user.id)
  if (!session) return <Loading label={t('editor.loading')} />
  return <EditorSurface key={props.docName} session={session} {...props} />
}

export default CollabEditor
