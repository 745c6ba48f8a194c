import { Route, Routes } from 'react-router';
import { RequireAuth } from './components/RequireAuth';
import { AppLayout } from './layout/AppLayout';
import { AccessLogPage } from './pages/admin/AccessLogPage';
import { AdminHomePage, AdminShell } from './pages/admin/AdminShell';
import { AuditPage } from './pages/admin/AuditPage';
import { CalendarOverridesPage } from './pages/admin/CalendarOverridesPage';
import { DeadLettersPage } from './pages/admin/DeadLettersPage';
import { DesksPage } from './pages/admin/DesksPage';
import { ImportsPage } from './pages/admin/ImportsPage';
import { OfficialsPage } from './pages/admin/OfficialsPage';
import { ProceduresPage } from './pages/admin/ProceduresPage';
import { UnitsPage } from './pages/admin/UnitsPage';
import { WorkflowsPage } from './pages/admin/WorkflowsPage';
import { MyDossiersPage } from './pages/citizen/MyDossiersPage';
import { SubmitPage } from './pages/citizen/SubmitPage';
import { DossierPage } from './pages/DossierPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { LookupPage } from './pages/LookupPage';
import { CounterPage } from './pages/official/CounterPage';
import { QueuePage } from './pages/official/QueuePage';
import { StatsDashboardPage } from './pages/official/StatsDashboardPage';
import { StatsDossiersPage } from './pages/official/StatsDossiersPage';
import { ProcedurePage } from './pages/ProcedurePage';
import { NotFoundPage } from './pages/SimplePages';
import { TransparencyPage } from './pages/TransparencyPage';

/** The portal's addresses (Vietnamese slugs, as citizens read and share them). */
export function App() {
  const auth = (page: React.ReactNode) => <RequireAuth>{page}</RequireAuth>;
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="thu-tuc/:code" element={<ProcedurePage />} />
        <Route path="thu-tuc/:code/nop-ho-so" element={auth(<SubmitPage />)} />
        <Route path="tra-cuu" element={<LookupPage />} />
        <Route path="tra-cuu/:code" element={<LookupPage />} />
        <Route path="dang-nhap" element={<LoginPage />} />
        <Route path="ho-so-cua-toi" element={auth(<MyDossiersPage />)} />
        <Route path="ho-so/:id" element={auth(<DossierPage />)} />
        <Route path="can-bo/ho-so" element={auth(<QueuePage />)} />
        <Route path="can-bo/tiep-nhan" element={auth(<CounterPage />)} />
        <Route path="can-bo/thong-ke" element={auth(<StatsDashboardPage />)} />
        <Route path="can-bo/thong-ke/ho-so" element={auth(<StatsDossiersPage />)} />
        <Route path="cong-khai" element={<TransparencyPage />} />
        <Route path="quan-tri" element={auth(<AdminShell />)}>
          <Route index element={<AdminHomePage />} />
          <Route path="don-vi" element={<UnitsPage />} />
          <Route path="bo-phan-mot-cua" element={<DesksPage />} />
          <Route path="can-bo" element={<OfficialsPage />} />
          <Route path="thu-tuc" element={<ProceduresPage />} />
          <Route path="quy-trinh" element={<WorkflowsPage />} />
          <Route path="quy-trinh/:key" element={<WorkflowsPage />} />
          <Route path="lich-lam-viec" element={<CalendarOverridesPage />} />
          <Route path="nhap-du-lieu" element={<ImportsPage />} />
          <Route path="nhat-ky" element={<AuditPage />} />
          <Route path="truy-cap-du-lieu" element={<AccessLogPage />} />
          <Route path="thu-loi" element={<DeadLettersPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
