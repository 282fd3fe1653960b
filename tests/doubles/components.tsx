/**
 * A thin test double of `@tarojs/components`: View/Text/Button/Input/... as plain DOM elements,
 * with Taro's event names (onClick, onInput with `detail.value`).
 */
import { createElement, type ReactNode } from 'react'

type Props = { children?: ReactNode; className?: string; [key: string]: unknown }

function host(tag: string) {
  return function Host({ children, className, onClick, ...rest }: Props) {
    const dataProps = Object.fromEntries(Object.entries(rest).filter(([k]) => k.startsWith('data-') || k === 'id' || k === 'role' || k.startsWith('aria-')))
    return createElement(tag, { className, onClick, ...dataProps }, children)
  }
}

export const View = host('div')
export const Text = host('span')
export const ScrollView = host('div')
export const Swiper = host('div')
export const SwiperItem = host('div')
export const Label = host('label')
export const Form = host('form')
/** Taro's Image: `onError` when the picture cannot be loaded (as the runtime reports a failed load). */
export const Image = ({ src, className, onError, ariaLabel, ...rest }: Props) =>
  createElement('img', { src, className, onError, 'aria-label': ariaLabel, 'data-testid': rest['data-testid'] })

export function Button({ children, className, onClick, disabled, ...rest }: Props) {
  return createElement('button', { className, onClick, disabled, 'data-testid': rest['data-testid'] }, children)
}

export function Input({ value, placeholder, onInput, onBlur, type, className, disabled, ...rest }: Props) {
  return createElement('input', {
    value: (value as string) ?? '',
    placeholder,
    className,
    disabled,
    'data-testid': rest['data-testid'],
    'aria-label': rest['aria-label'],
    inputMode: type === 'digit' ? 'decimal' : undefined,
    onChange: (e: { target: { value: string } }) =>
      (onInput as ((ev: { detail: { value: string } }) => void) | undefined)?.({ detail: { value: e.target.value } }),
    onBlur: (e: { target: { value: string } }) =>
      (onBlur as ((ev: { detail: { value: string } }) => void) | undefined)?.({ detail: { value: e.target.value } })
  })
}

export function Textarea(props: Props) {
  return Input(props)
}

export function Picker({ children, range, value, onChange, className, ...rest }: Props) {
  const options = (range as string[]) ?? []
  return createElement(
    'label',
    { className },
    children,
    createElement(
      'select',
      {
        value: String(value ?? 0),
        'data-testid': rest['data-testid'],
        onChange: (e: { target: { value: string } }) =>
          (onChange as ((ev: { detail: { value: number } }) => void) | undefined)?.({ detail: { value: Number(e.target.value) } })
      },
      options.map((label, i) => createElement('option', { key: i, value: String(i) }, label))
    )
  )
}

export function Switch({ checked, onChange, ...rest }: Props) {
  return createElement('input', {
    type: 'checkbox',
    checked: Boolean(checked),
    'data-testid': rest['data-testid'],
    onChange: (e: { target: { checked: boolean } }) =>
      (onChange as ((ev: { detail: { value: boolean } }) => void) | undefined)?.({ detail: { value: e.target.checked } })
  })
}
