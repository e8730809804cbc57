import { Component, type ReactNode } from 'react';

/** A screen that throws shows a way out instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="alert alert-error" role="alert">
        <p>Trang gặp lỗi khi hiển thị. Câu trả lời đã lưu trên máy không bị mất.</p>
        <button type="button" className="btn btn-secondary" onClick={() => window.location.reload()}>
          Tải lại trang
        </button>
      </div>
    );
  }
}
