import { useState, type FormEvent } from 'react';
import type { Organisation } from '../shared/api/admin-types';
import { useDocumentTitle, useLoad } from '../shared/hooks';
import { PROVINCES } from '../shared/provinces';
import { SelectField, TextField } from '../shared/ui/Field';
import { Button, ErrorSummary, Notice, PageTitle } from '../shared/ui/Feedback';
import { ListStatus, SearchForm } from '../shared/ui/ListPage';
import { Pager } from '../shared/ui/Pager';
import { adminApi } from './api';
import { AdminNav } from './AdminNav';
import { emptyOrganisation, LEVEL_LABEL, LEVEL_OPTIONS, organisationBody, serverFieldErrors, validateOrganisation, type OrganisationForm } from './admin-model';

const LABELS: Record<string, string> = { name: 'Tên đơn vị', level: 'Cấp', province: 'Tỉnh, thành phố' };
const LIMIT = 20;

/** Admin: the organisations — search, create, rename, change level and province. */
export function OrganisationsPage() {
  useDocumentTitle('Đơn vị');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const list = useLoad(() => adminApi.organisations({ q: search || undefined, limit: LIMIT, offset }), [search, offset]);
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <>
      <AdminNav current="organisations" />
      <PageTitle sub="Các cơ quan, đơn vị tổ chức cuộc thi. Cán bộ (ban tổ chức, giám khảo) thuộc một đơn vị.">Đơn vị</PageTitle>
      {message && (
        <Notice kind="success" live>
          {message}
        </Notice>
      )}
      {editing === null && (
        <div className="actions">
          <Button
            onClick={() => {
              setMessage(null);
              setEditing('new');
            }}
          >
            Thêm đơn vị
          </Button>
        </div>
      )}
      {editing !== null && (
        <OrganisationEditor
          key={editing === 'new' ? 'new' : editing.id}
          organisation={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(o, created) => {
            setEditing(null);
            setMessage(created ? `Đã thêm đơn vị “${o.name}”.` : `Đã lưu đơn vị “${o.name}”.`);
            list.reload();
          }}
        />
      )}
      <SearchForm
        name="q"
        label="Tìm theo tên"
        onSearch={(q) => {
          setOffset(0);
          setSearch(q);
        }}
      />
      <ListStatus list={list} empty={search ? `Không có đơn vị nào có tên chứa “${search}”.` : 'Chưa có đơn vị nào. Bấm “Thêm đơn vị” để bắt đầu.'} />
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Danh sách đơn vị</caption>
            <thead>
              <tr>
                <th scope="col">Tên đơn vị</th>
                <th scope="col">Cấp, tỉnh</th>
                <th scope="col">
                  <span className="visually-hidden">Thao tác</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((o) => (
                <tr key={o.id}>
                  <td>
                    {o.name}
                    <span className="sub">
                      Mã đơn vị: <code className="id-code">{o.id}</code>
                    </span>
                  </td>
                  <td>
                    {LEVEL_LABEL[o.level] ?? o.level}
                    {o.province && <span className="sub">{o.province}</span>}
                  </td>
                  <td>
                    <Button
                      kind="link"
                      aria-label={`Sửa đơn vị ${o.name}`}
                      onClick={() => {
                        setMessage(null);
                        setEditing(o);
                      }}
                    >
                      Sửa
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && <Pager offset={offset} limit={LIMIT} total={list.data.total} onOffset={setOffset} />}
    </>
  );
}

function OrganisationEditor({
  organisation,
  onCancel,
  onSaved,
}: {
  organisation: Organisation | null;
  onCancel: () => void;
  onSaved: (o: Organisation, created: boolean) => void;
}) {
  const [f, setF] = useState<OrganisationForm>(
    organisation ? { name: organisation.name, level: organisation.level, province: organisation.province ?? '' } : emptyOrganisation,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof OrganisationForm>(k: K, v: OrganisationForm[K]) => setF((x) => ({ ...x, [k]: v }));
  const server = serverFieldErrors(serverError);
  const err = (k: string) => errors[k] ?? server[k];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs = validateOrganisation(f);
    setErrors(errs);
    setServerError(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const body = organisationBody(f);
      onSaved(organisation ? await adminApi.updateOrganisation(organisation.id, body) : await adminApi.createOrganisation(body), !organisation);
    } catch (x) {
      setServerError(x);
    } finally {
      setBusy(false);
    }
  };

  const needsProvince = f.level === 'province' || f.level === 'commune';
  return (
    <form className="panel narrow" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="org-form-title">
      <h2 id="org-form-title">{organisation ? `Sửa đơn vị “${organisation.name}”` : 'Thêm đơn vị'}</h2>
      <ErrorSummary errors={{ ...server, ...errors }} labels={LABELS} serverError={Object.keys(server).length ? null : serverError} />
      <TextField
        name="name"
        label={LABELS.name}
        required
        autoComplete="organization"
        hint="Ví dụ: Sở Tư pháp tỉnh Quảng Ninh"
        value={f.name}
        onChange={(e) => set('name', e.target.value)}
        error={err('name')}
      />
      <SelectField
        name="level"
        label={LABELS.level}
        required
        placeholder="— Chọn cấp —"
        options={LEVEL_OPTIONS}
        value={f.level}
        onChange={(e) => set('level', e.target.value as OrganisationForm['level'])}
        error={err('level')}
      />
      {needsProvince && (
        <SelectField
          name="province"
          label={LABELS.province}
          required
          placeholder="— Chọn tỉnh, thành phố —"
          options={PROVINCES}
          value={f.province}
          onChange={(e) => set('province', e.target.value)}
          error={err('province')}
        />
      )}
      <div className="actions">
        <Button type="submit" busy={busy}>
          {organisation ? 'Lưu' : 'Thêm đơn vị'}
        </Button>
        <Button kind="secondary" onClick={onCancel}>
          Hủy
        </Button>
      </div>
    </form>
  );
}
