import { useState, type FormEvent } from 'react';
import { paths } from '../app/routes';
import type { TopicView } from '../shared/api/staff-console-types';
import { useDocumentTitle, useLoad } from '../shared/hooks';
import { Link } from '../shared/router';
import { SelectField, TextField } from '../shared/ui/Field';
import { Button, ErrorMessage, Loading, Notice, PageTitle } from '../shared/ui/Feedback';
import { organiserApi } from './api';
import { parentChoices, topicErrorText, topicRows, type TopicRow } from './topic-tree';

/** An API error: the topic screen's own words when it has them, else the shared message. */
function TopicError({ error }: { error: unknown }) {
  const text = topicErrorText(error);
  if (!error) return null;
  return text ? (
    <Notice kind="error" live>
      {text}
    </Notice>
  ) : (
    <ErrorMessage error={error} />
  );
}

/** Rename, move or delete one topic. */
function TopicEditor({
  bankId,
  topic,
  rows,
  onDone,
  onCancel,
}: {
  bankId: string;
  topic: TopicRow;
  rows: TopicRow[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(topic.name);
  const [parentId, setParentId] = useState(topic.parentId ?? '');
  const [busy, setBusy] = useState<'save' | 'delete' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('save');
    setError(null);
    try {
      const body: { name?: string; parentId?: string | null } = {};
      if (name.trim() !== topic.name) body.name = name.trim();
      if (parentId !== (topic.parentId ?? '')) body.parentId = parentId || null;
      if (!Object.keys(body).length) return onCancel();
      const t = await organiserApi.updateTopic(bankId, topic.id, body);
      onDone(`Đã lưu chủ đề “${t.path.split('/').join(' › ')}”.`);
    } catch (x) {
      setError(x);
    } finally {
      setBusy(null);
    }
  };
  const remove = async () => {
    setBusy('delete');
    setError(null);
    try {
      await organiserApi.deleteTopic(bankId, topic.id);
      onDone(`Đã xóa chủ đề “${topic.name}”.`);
    } catch (x) {
      setError(x);
    } finally {
      setBusy(null);
    }
  };
  return (
    <form className="panel" onSubmit={(e) => void save(e)} noValidate aria-label={`Sửa chủ đề ${topic.name}`}>
      <TextField name={`topic-name-${topic.id}`} label="Tên chủ đề" required value={name} onChange={(e) => setName(e.target.value)} />
      <SelectField
        name={`topic-parent-${topic.id}`}
        label="Thuộc chủ đề"
        options={parentChoices(rows, topic)}
        value={parentId}
        onChange={(e) => setParentId(e.target.value)}
        hint="Chủ đề con đi theo khi chuyển."
      />
      <TopicError error={error} />
      <div className="actions">
        <Button type="submit" busy={busy === 'save'} disabled={busy !== null}>
          Lưu
        </Button>
        <Button type="button" kind="secondary" onClick={onCancel} disabled={busy !== null}>
          Hủy
        </Button>
        <Button type="button" kind="danger" busy={busy === 'delete'} disabled={busy !== null} onClick={() => void remove()}>
          Xóa chủ đề
        </Button>
      </div>
    </form>
  );
}

/**
 * A bank's topics as a tree: create, rename, move (subtopics follow) and delete an empty one.
 * Questions name their topic by path, so a rename shows at once on every question under it.
 */
export function TopicsPage({ bankId }: { bankId: string }) {
  const bank = useLoad(() => organiserApi.bank(bankId), [bankId]);
  const list = useLoad(() => organiserApi.topics(bankId), [bankId]);
  const [editing, setEditing] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [createError, setCreateError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  useDocumentTitle('Chủ đề câu hỏi');
  const rows = topicRows(list.data ?? []);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setCreateError(null);
    setSaved(null);
    if (!name.trim()) return setNameError('Nhập tên chủ đề.');
    setNameError(undefined);
    setBusy(true);
    try {
      const t: TopicView = await organiserApi.createTopic(bankId, { name: name.trim(), ...(parentId ? { parentId } : {}) });
      setName('');
      setSaved(`Đã tạo chủ đề “${t.path.split('/').join(' › ')}”.`);
      list.reload();
    } catch (x) {
      setCreateError(x);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle sub={bank.data?.name}>Chủ đề câu hỏi</PageTitle>
      <p>
        <Link to={paths.bank(bankId)}>← Về ngân hàng câu hỏi</Link>
      </p>
      {saved && (
        <Notice kind="success" live>
          {saved}
        </Notice>
      )}
      {list.loading && <Loading />}
      <ErrorMessage error={list.error} onRetry={list.reload} />
      {list.data && rows.length === 0 && <p>Ngân hàng chưa có chủ đề. Tạo chủ đề bên dưới, hoặc ghi cột “Chủ đề” khi nhập câu hỏi từ tệp.</p>}
      {rows.length > 0 && (
        <ul className="topic-tree" aria-label="Cây chủ đề">
          {rows.map((t) => (
            <li key={t.id} style={{ paddingInlineStart: `${t.depth * 1.25}rem` }}>
              <div className="topic-row">
                <span className="topic-name">
                  {t.depth > 0 && <span aria-hidden="true">└ </span>}
                  <span>{t.name}</span>
                </span>
                <span className="field-hint">
                  {t.totalQuestions} câu hỏi{t.totalQuestions !== t.questionCount ? ` (${t.questionCount} trực tiếp)` : ''}
                </span>
                <Button
                  kind="link"
                  aria-expanded={editing === t.id}
                  aria-label={`Sửa chủ đề ${t.path}`}
                  onClick={() => setEditing(editing === t.id ? null : t.id)}
                >
                  Sửa
                </Button>
              </div>
              {editing === t.id && (
                <TopicEditor
                  bankId={bankId}
                  topic={t}
                  rows={rows}
                  onCancel={() => setEditing(null)}
                  onDone={(message) => {
                    setSaved(message);
                    setEditing(null);
                    list.reload();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="panel" onSubmit={(e) => void create(e)} noValidate>
        <h2 className="h3">Thêm chủ đề</h2>
        <TextField
          name="topic-name"
          label="Tên chủ đề"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={nameError}
          hint="Một cấp, không có dấu “/”."
        />
        <SelectField
          name="topic-parent"
          label="Thuộc chủ đề"
          options={parentChoices(rows, null)}
          value={parentId}
          onChange={(e) => setParentId(e.target.value)}
        />
        <TopicError error={createError} />
        <Button type="submit" busy={busy}>
          Thêm chủ đề
        </Button>
      </form>
    </>
  );
}
