import { Route, Routes } from 'react-router';
import { RequireAuth } from './components/RequireAuth';
import { AppLayout } from './layout/AppLayout';
import { CalendarOverridesPage } from './pages/admin/CalendarOverridesPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { LookupPage } from './pages/LookupPage';
import { ProcedurePage } from './pages/ProcedurePage';
import { NotFoundPage, SubmitPage } from './pages/SimplePages';

/** The portal's addresses (Vietnamese slugs, as citizens read and share them). */
export function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="thu-tuc/:code" element={<ProcedurePage />} />
        <Route
          path="thu-tuc/:code/nop-ho-so"
          element={
            <RequireAuth>
              <SubmitPage />
            </RequireAuth>
          }
        />
        <Route path="tra-cuu" element={<LookupPage />} />
        <Route path="dang-nhap" element={<LoginPage />} />
        <Route
          path="quan-tri/lich-lam-viec"
          element={
            <RequireAuth>
              <CalendarOverridesPage />
            </RequireAuth>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
