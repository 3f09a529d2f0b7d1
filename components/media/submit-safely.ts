import type { ActionState } from '@/lib/actions/state';

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * Calls an upload action and turns a rejected call into a message: a body over the server's
 * limit, or a dropped connection, never reaches the action's own error handling.
 */
export function submitSafely(action: FormAction, onSuccess?: (state: ActionState) => void): FormAction {
  return async (previous, formData) => {
    try {
      const state = await action(previous, formData);
      if (state.ok) onSuccess?.(state);
      return state;
    } catch {
      return { ok: false, message: '上传失败：文件可能过大，或网络连接中断，请检查后重试。' };
    }
  };
}
