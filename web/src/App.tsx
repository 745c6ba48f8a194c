import { Route, Routes } from 'react-router';
import { RequireAuth } from './components/RequireAuth';
import { AppLayout } from './layout/AppLayout';
import { CalendarOverridesPage } from './pages/admin/CalendarOverridesPage';
import { MyDossiersPage } from './pages/citizen/MyDossiersPage';
import { SubmitPage } from './pages/citizen/SubmitPage';
import { DossierPage } from './pages/DossierPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { LookupPage } from './pages/LookupPage';
import { CounterPage } from './pages/official/CounterPage';
import { QueuePage } from './pages/official/QueuePage';
import { ProcedurePage } from './pages/ProcedurePage';
import { NotFoundPage } from './pages/SimplePages';

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
        <Route path="quan-tri/lich-lam-viec" element={auth(<CalendarOverridesPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
