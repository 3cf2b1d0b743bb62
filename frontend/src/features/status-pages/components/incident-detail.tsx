import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@/components/button';
import { ConfirmButton } from '@/components/confirm-dialog';
import { FormAlert, SelectField, splitErrors, TextField, useFormValidation, validators } from '@/components/form';
import { Section } from '@/components/page';
import { useToast } from '@/components/toast';
import type { StatusIncidentStatus } from '@/gql/graphql';
import { formatDateTime } from '@/lib/format';
import { useNow } from '@/lib/use-now';
import {
  useDeleteStatusIncident,
  useEditStatusIncident,
  useEditStatusIncidentUpdate,
  usePostStatusIncidentUpdate,
  type ManagedIncident,
} from '../api/status-incidents';
import { AffectedComponentsField } from './affected-components-field';
import { INCIDENT_STATUS } from './format';
import { MESSAGE_MAX, STATUS_OPTIONS, TITLE_MAX, useFocusServerError } from './incident-composer';
import { affectedInput, choiceOf, componentErrors, publicOfManaged, type ImpactChoice, type PageComponentOption } from './incident-draft';
import { IncidentPreview } from './incident-preview';
import { TextAreaField } from './text-area-field';

const WRITE_ERRORS = { FORBIDDEN: 'Only members, admins and owners can change incidents.', NOT_FOUND: 'This incident or one of its components no longer exists. Reload the page.' };
const MESSAGE_RULES = { message: validators.required('a message for visitors') };

/** The status an update most likely moves to: the next step, or the same once resolved. */
function nextStatus(status: StatusIncidentStatus): StatusIncidentStatus {
  const order: StatusIncidentStatus[] = ['INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED'];
  return order[Math.min(order.indexOf(status) + 1, order.length - 1)] ?? status;
}

function PostUpdate({ incident }: { incident: ManagedIncident }) {
  const post = usePostStatusIncidentUpdate(incident.id);
  const toast = useToast();
  const now = useNow(30_000);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<{ status: string; message: string }>({ status: nextStatus(incident.status), message: '' });
  const { errors, handleSubmit, clearError } = useFormValidation<'message'>(MESSAGE_RULES);
  const { fields, general } = splitErrors(post.error, ['message', 'status'], WRITE_ERRORS);
  useFocusServerError(formRef, post.error, Object.keys(fields));
  const status = values.status as StatusIncidentStatus;
  const reopens = incident.status === 'RESOLVED' && status !== 'RESOLVED';
  const preview = publicOfManaged(incident, { status, message: values.message.trim() || 'Your update for visitors.', createdAt: new Date(now).toISOString() });

  return (
    <Section title="Post an update" lead="Each update is added to the public timeline. “Resolved” ends the incident; another status reopens a resolved one.">
      <div className="inc-compose">
        <div className="inc-compose__form">
          {general ? <FormAlert>{general}</FormAlert> : null}
          <form
            ref={formRef}
            className="form"
            aria-label="Post an update"
            noValidate
            onSubmit={handleSubmit({ message: values.message }, () =>
              post.mutate(
                { status, message: values.message.trim() },
                {
                  onSuccess: (saved) => {
                    toast({ title: 'Update posted', description: `${INCIDENT_STATUS[saved.status].label}: ${saved.title}` });
                    setValues({ status: nextStatus(saved.status), message: '' });
                  },
                },
              ),
            )}
          >
            <SelectField
              label="Status"
              name="status"
              value={values.status}
              options={STATUS_OPTIONS}
              error={fields.status}
              onChange={(e) => {
                post.reset();
                setValues((v) => ({ ...v, status: e.target.value }));
              }}
              hint={reopens ? 'Posting this reopens the incident.' : INCIDENT_STATUS[status].hint}
            />
            <TextAreaField
              label="Message"
              name="message"
              value={values.message}
              onChange={(e) => {
                clearError('message');
                post.reset();
                setValues((v) => ({ ...v, message: e.target.value }));
              }}
              error={errors.message ?? fields.message}
              hint="Line breaks are kept."
              rows={4}
              maxLength={MESSAGE_MAX}
              required
            />
            <div className="form__actions">
              <Button type="submit" pending={post.isPending} pendingLabel="Posting…">
                Post update
              </Button>
            </div>
          </form>
        </div>
        <IncidentPreview incident={preview} label="Preview with this update" />
      </div>
    </Section>
  );
}

function CorrectUpdate({ updateId, message, onDone }: { updateId: string; message: string; onDone: () => void }) {
  const edit = useEditStatusIncidentUpdate();
  const toast = useToast();
  const [text, setText] = useState(message);
  const { errors, handleSubmit, clearError } = useFormValidation<'message'>(MESSAGE_RULES);
  const { fields, general } = splitErrors(edit.error, ['message'], WRITE_ERRORS);
  return (
    <form
      className="form inc-correct"
      aria-label="Correct this update"
      noValidate
      onSubmit={handleSubmit({ message: text }, () =>
        edit.mutate(
          { updateId, message: text.trim() },
          {
            onSuccess: () => {
              toast({ title: 'Update corrected' });
              onDone();
            },
          },
        ),
      )}
    >
      {general ? <FormAlert>{general}</FormAlert> : null}
      <TextAreaField
        label="Message"
        name="message"
        value={text}
        onChange={(e) => {
          clearError('message');
          edit.reset();
          setText(e.target.value);
        }}
        error={errors.message ?? fields.message}
        rows={4}
        maxLength={MESSAGE_MAX}
        // The form opens on the reader's request, to edit this text.
        autoFocus
      />
      <div className="button-row">
        <Button type="submit" size="sm" pending={edit.isPending} pendingLabel="Saving…">
          Save correction
        </Button>
        <Button variant="ghost" size="sm" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function Timeline({ incident, canEdit }: { incident: ManagedIncident; canEdit: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  const returnFocus = useRef<string | null>(null);
  const updates = incident.updates.slice().reverse();
  return (
    <Section title="Timeline" lead={canEdit ? 'Newest first. Correct a message if it said something wrong; its time stays.' : 'Newest first.'}>
      <ol className="inc-timeline">
        {updates.map((update) => (
          <li key={update.id} className="inc-timeline__item" data-testid="managed-update">
            <div className="inc-timeline__head">
              <span className="badge">{INCIDENT_STATUS[update.status].label}</span>
              <time className="muted" dateTime={String(update.createdAt)}>
                {formatDateTime(update.createdAt)}
              </time>
              {update.editedAt ? <span className="muted">· edited {formatDateTime(update.editedAt)}</span> : null}
            </div>
            {editing === update.id ? (
              <CorrectUpdate
                updateId={update.id}
                message={update.message}
                onDone={() => {
                  returnFocus.current = update.id;
                  setEditing(null);
                }}
              />
            ) : (
              <>
                <p className="inc-timeline__message">{update.message}</p>
                {canEdit ? (
                  <div>
                    <Button
                      variant="ghost"
                      size="sm"
                      ref={(el) => {
                        if (el && returnFocus.current === update.id) {
                          returnFocus.current = null;
                          el.focus();
                        }
                      }}
                      onClick={() => setEditing(update.id)}
                    >
                      Correct message
                      <span className="visually-hidden">
                        {' '}
                        of the {INCIDENT_STATUS[update.status].label.toLowerCase()} update of {formatDateTime(update.createdAt)}
                      </span>
                    </Button>
                  </div>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ol>
    </Section>
  );
}

function EditIncident({ incident, components }: { incident: ManagedIncident; components: readonly PageComponentOption[] }) {
  const edit = useEditStatusIncident(incident.id);
  const toast = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState(incident.title);
  const [choice, setChoice] = useState<ImpactChoice>(() => choiceOf(incident));
  const [sent, setSent] = useState<readonly { componentId: string }[]>([]);
  const { errors, handleSubmit, clearError } = useFormValidation<'title'>({ title: validators.required('a title for the incident') });
  const { fields, general } = splitErrors(edit.error, ['title', ...sent.map((_, i) => `components.${i}.componentId`)], WRITE_ERRORS);
  const rowErrors = componentErrors(edit.error, sent);
  useFocusServerError(formRef, edit.error, [...Object.keys(fields), ...Object.keys(rowErrors).map((id) => `component-${id}`)]);
  // Components no longer on the page still show, so saving does not drop them unseen.
  const known = new Set(components.map((c) => c.id));
  const options = [...components, ...incident.components.filter((c) => !known.has(c.componentId)).map((c) => ({ id: c.componentId, name: c.name, group: '' }))];
  return (
    <Section title="Title and affected components" lead="Changes show on the public page at once; they add no update to the timeline.">
      {general ? <FormAlert>{general}</FormAlert> : null}
      <form
        ref={formRef}
        className="form"
        aria-label="Title and affected components"
        noValidate
        onSubmit={handleSubmit({ title }, () => {
          const affected = affectedInput(options, choice);
          setSent(affected);
          edit.mutate({ title: title.trim(), components: affected }, { onSuccess: (saved) => toast({ title: 'Incident saved', description: saved.title }) });
        })}
      >
        <TextField
          label="Title"
          name="title"
          value={title}
          onChange={(e) => {
            clearError('title');
            edit.reset();
            setTitle(e.target.value);
          }}
          error={errors.title ?? fields.title}
          maxLength={TITLE_MAX}
          required
        />
        <AffectedComponentsField
          components={options}
          value={choice}
          onChange={(next) => {
            edit.reset();
            setChoice(next);
          }}
          errors={rowErrors}
        />
        <div className="form__actions">
          <Button type="submit" pending={edit.isPending} pendingLabel="Saving…">
            Save changes
          </Button>
        </div>
      </form>
    </Section>
  );
}

function DeleteIncident({ incident }: { incident: ManagedIncident }) {
  const remove = useDeleteStatusIncident(incident.pageId);
  const toast = useToast();
  const navigate = useNavigate();
  return (
    <Section title="Delete this incident" lead="It disappears from the public page and its history, with every update. To end an incident, post a “Resolved” update instead.">
      {remove.isError ? <FormAlert>{remove.error.message}</FormAlert> : null}
      <div>
        <ConfirmButton
          trigger={
            <Button variant="danger" pending={remove.isPending} pendingLabel="Deleting…">
              Delete incident
            </Button>
          }
          title={`Delete “${incident.title}”?`}
          description={<p>Visitors will no longer see it or its {incident.updates.length === 1 ? 'update' : `${incident.updates.length} updates`}. This cannot be undone.</p>}
          confirmLabel="Delete incident"
          onConfirm={() =>
            remove.mutate(incident.id, {
              onSuccess: () => {
                toast({ title: 'Incident deleted', description: incident.title });
                void navigate(`/app/status-pages/${incident.pageId}/incidents`);
              },
            })
          }
        />
      </div>
    </Section>
  );
}

/** One incident: post updates, correct them, change its title and components, delete it; viewers read it. */
export function IncidentDetail({ incident, components, canEdit }: { incident: ManagedIncident; components: readonly PageComponentOption[]; canEdit: boolean }) {
  if (!canEdit) {
    return (
      <>
        <IncidentPreview incident={publicOfManaged(incident)} label="As visitors see it" headingLevel={2} />
        <Timeline incident={incident} canEdit={false} />
      </>
    );
  }
  return (
    <>
      <PostUpdate key={`${incident.id}-${incident.updates.length}`} incident={incident} />
      <Timeline incident={incident} canEdit />
      <EditIncident key={String(incident.updatedAt)} incident={incident} components={components} />
      <DeleteIncident incident={incident} />
    </>
  );
}
